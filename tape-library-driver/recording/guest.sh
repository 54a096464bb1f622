# Runs inside the recording virtual machine (see record-in-qemu.sh): serves the Strata VTL to the
# kernel as SCSI devices (TCMU devices on the tcm_loop fabric), then records the tape conformance
# suite and the tape probe's scenarios through the kernel's st and sg drivers and mtx. /repo is the
# repository, /m2 the Maven repository, /share this script's directory (the transcripts go to
# /share/recorded and /share/recorded-probe).
set -eu
exec > /share/guest.log 2>&1
classpath() { sed -e "s#$HOST_M2#/m2#g" "/share/$1"; }
DRIVER_CP=/repo/tape-library-driver/target/test-classes:/repo/tape-library-driver/target/classes:$(classpath cp-driver.txt)
VTL_CP=/repo/vtl-emulator/target/classes:/repo/tape-library-driver/target/classes:$(classpath cp-vtl.txt)
echo "== kernel modules"
modprobe target_core_user
modprobe tcm_loop
modprobe st
modprobe sg
mountpoint -q /sys/kernel/config || mount -t configfs none /sys/kernel/config

# Three libraries: the small one the suite runs on (LUNs 0-2), a large one whose changer (LUN 3)
# gives mtx transcripts of a big library in several states, and a tiny one (LUNs 4-5) whose 100 kB
# cartridges reach early warning and their end after ten blocks.
mkdir -p /tmp/vtl-library /tmp/vtl-large /tmp/vtl-tiny
cp /share/library.properties /tmp/vtl-library/
cp /share/library-elements.properties /tmp/vtl-library/elements.properties
cp /share/large-library.properties /tmp/vtl-large/library.properties
cp /share/tiny-library.properties /tmp/vtl-tiny/library.properties
echo "== TCMU devices, then the VTL processes"
CORE=/sys/kernel/config/target/core/user_1
UNITS="changer drive100 drive101 large-changer tiny-changer tiny-drive100"
mkdir -p $CORE
for u in $UNITS; do
  mkdir $CORE/$u
  echo -n "dev_config=strata/$(echo $u | sed 's#^\(large\|tiny\)-#\1/#')" > $CORE/$u/control
  echo -n 1 > $CORE/$u/enable
done
java -cp "$VTL_CP" dev.strata.vtl.VtlMain scsi --dir /tmp/vtl-library > /tmp/vtl.log 2>&1 &
java -cp "$VTL_CP" dev.strata.vtl.VtlMain scsi --dir /tmp/vtl-large --units large > /tmp/vtl-large.log 2>&1 &
java -cp "$VTL_CP" dev.strata.vtl.VtlMain scsi --dir /tmp/vtl-tiny --units tiny > /tmp/vtl-tiny.log 2>&1 &
for i in $(seq 1 1200); do
  grep -q "vtl: ready" /tmp/vtl.log && grep -q "vtl: ready" /tmp/vtl-large.log \
    && grep -q "vtl: ready" /tmp/vtl-tiny.log && break
  sleep 0.2
done
cat /tmp/vtl.log /tmp/vtl-large.log /tmp/vtl-tiny.log

echo "== attaching the units (tcm_loop)"
# Only now attach the units to the loopback fabric: the kernel's scan sends INQUIRY at once.
LOOP=/sys/kernel/config/target/loopback/naa.50014050000000a1
mkdir -p $LOOP/tpgt_1
echo -n naa.50014050000000a2 > $LOOP/tpgt_1/nexus
i=0
for u in $UNITS; do
  mkdir -p $LOOP/tpgt_1/lun/lun_$i
  ln -s $CORE/$u $LOOP/tpgt_1/lun/lun_$i/$u
  i=$((i + 1))
done
for i in $(seq 1 300); do [ -e /dev/nst2 ] && [ "$(lsscsi -g | grep -c mediumx)" = 3 ] && break; sleep 0.2; done
lsscsi -g
CHANGER=$(lsscsi -g | awk '/mediumx/ && $1 ~ /:0]$/ {print $NF}')
LARGE=$(lsscsi -g | awk '/mediumx/ && $1 ~ /:3]$/ {print $NF}')
TINY=$(lsscsi -g | awk '/mediumx/ && $1 ~ /:4]$/ {print $NF}')
TINY_DRIVE=$(lsscsi -g | awk '$2 == "tape" && $1 ~ /:5]$/ { st = $(NF-1); sub("/dev/st", "/dev/nst", st); print st }')
# The first command after attaching meets the unit attention of the new nexus.
mtx -f "$CHANGER" status > /dev/null 2>&1 || true
mtx -f "$LARGE" status > /dev/null 2>&1 || true
mtx -f "$TINY" status > /dev/null 2>&1 || true
mtx -f "$CHANGER" status

# mtx on the large library, in the transcript format, exactly the commands MtxChanger issues for
# moves slot 5 -> drive 0, slot 7 -> the first mail slot, drive 0 -> slot 5.
record() {
  { echo "\$ $*"; status=0; "$@" > /tmp/out 2> /tmp/err || status=$?; echo "= $status"
    sed 's/^/> /' /tmp/out; sed 's/^/! /' /tmp/err; echo; } \
    >> /share/recorded-mtx/vtl-large-library.transcript
}
mkdir -p /share/recorded-mtx
echo "# Recorded: $(mtx --version 2>&1 | head -1), Linux $(uname -r) sg, against the Strata VTL's changer (400 slots," > /share/recorded-mtx/vtl-large-library.transcript
echo "# 16 mail slots, 4 drives) served as a SCSI medium changer through TCMU in a QEMU virtual machine." >> /share/recorded-mtx/vtl-large-library.transcript
record mtx -f "$LARGE" status
record mtx -f "$LARGE" load 5 0
record mtx -f "$LARGE" status
record mtx -f "$LARGE" transfer 7 401
record mtx -f "$LARGE" status
record mtx -f "$LARGE" unload 5 0
record mtx -f "$LARGE" status
# LUN n (n >= 1) is drive element 99 + n, in mtx's numbering as in the library's.
DRIVES=$(lsscsi -g | awk '$2 == "tape" && $1 ~ /:[12]]$/ { split($1, a, ":"); sub("]", "", a[4]); st = $(NF-1); sub("/dev/st", "/dev/nst", st); print (99 + a[4]) "=" st }' | xargs)
echo "drives: $DRIVES"
ORIGIN="Linux $(uname -r) st and sg drivers, mtx $(dpkg-query -W -f='${Version}' mtx), against the Strata VTL served as SCSI devices (TCMU, tcm_loop) in a QEMU virtual machine"
set +e
# The probe scenarios first: they start from the library as configured, and leave it so.
echo "== recording the probe scenarios"
java -cp "$DRIVER_CP" dev.strata.tape.st.RecordProbeScenarios /share/recorded-probe "$CHANGER" $DRIVES "$ORIGIN"
probe=$?
echo "== recording the conformance suite"
java -cp "$DRIVER_CP" dev.strata.tape.st.RecordHardwareConformance /share/recorded "$CHANGER" $DRIVES "$ORIGIN"
suite=$?
echo "== recording the scenarios on 100 kB cartridges"
java -cp "$DRIVER_CP" dev.strata.tape.st.RecordTinyCartridges /share/recorded "$TINY" "100=$TINY_DRIVE" "$ORIGIN (a library of 100 kB cartridges)"
warning=$?
[ $suite = 0 ] && [ $warning = 0 ] && [ $probe = 0 ]; echo $? > /share/recorder.exit
echo "--- vtl logs"
cat /tmp/vtl.log /tmp/vtl-large.log /tmp/vtl-tiny.log
