package dev.strata.tape;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DriveLeasesTest {
  private final DriveLeases leases = new DriveLeases();

  @Test
  void aLeasedDriveIsRefusedToOthersUntilItIsGivenBack() {
    DriveLeases.Lease writer = leases.tryAcquire("vtl:/a", 100, "tape writer").orElseThrow();
    assertThat(leases.tryAcquire("vtl:/a", 100, "tape probe")).isEmpty();
    assertThat(leases.holder("vtl:/a", 100)).contains("tape writer");
    assertThat(leases.tryAcquire("vtl:/a", 101, "tape probe")).as("another drive").isPresent();
    assertThat(leases.tryAcquire("vtl:/b", 100, "tape probe")).as("another library").isPresent();
    writer.close();
    assertThat(leases.holder("vtl:/a", 100)).isEmpty();
    assertThat(leases.tryAcquire("vtl:/a", 100, "tape probe")).isPresent();
  }

  @Test
  void closingAnOldLeaseAgainDoesNotFreeTheDriveForItsNextHolder() {
    DriveLeases.Lease first = leases.tryAcquire("mtx:/dev/sg1", 100, "first").orElseThrow();
    first.close();
    DriveLeases.Lease second = leases.tryAcquire("mtx:/dev/sg1", 100, "second").orElseThrow();
    first.close();
    assertThat(leases.holder("mtx:/dev/sg1", 100)).contains("second");
    second.close();
  }

  @Test
  void theProcessHasOneTable() {
    assertThat(DriveLeases.inThisProcess()).isSameAs(DriveLeases.inThisProcess());
  }
}
