#!/usr/bin/env bash
# Records the tape conformance suite through the real Linux st and sg drivers and mtx, against the
# Strata VTL served as SCSI devices, inside a QEMU virtual machine (software emulation: the tests'
# machines have no tape hardware and no way to load kernel modules). The transcripts replace
# tape-library-driver/src/test/resources/st-conformance/, which StReplayConformanceTest replays,
# st-probe/, which StProbeReplayTest replays, and mtx/vtl-large-library.transcript, which
# MtxChangerTest replays.
#
# On a machine with a real library, run RecordHardwareConformance there instead (its Javadoc).
#
# Needs root (debootstrap) and Debian's qemu-system-x86 and debootstrap packages (installed if
# missing). The virtual machine's disk is built once into $STRATA_RECORDING_WORK (default
# /var/tmp/strata-recording). Takes about 4 minutes once that disk exists (building it, about 5).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${STRATA_RECORDING_WORK:-/var/tmp/strata-recording}
# The build installs this checkout's modules into a Maven repository of the recording's own (seeded
# from the user's), so no snapshot of a work in progress leaks into the user's builds.
m2=${MAVEN_REPOSITORY:-$work/m2}
mkdir -p "$work"
if [ ! -d "$m2" ]; then
  cp -a "$HOME/.m2/repository" "$m2"
  rm -rf "$m2/dev/strata"
fi

if ! command -v qemu-system-x86_64 > /dev/null || ! command -v debootstrap > /dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq qemu-system-x86 debootstrap
fi

if [ ! -d "$work/rootfs/boot" ]; then
  rm -rf "$work/rootfs"
  debootstrap --variant=minbase \
    --include=linux-image-amd64,kmod,iproute2,procps,lsscsi,sg3-utils,mtx,mt-st,openjdk-17-jre-headless \
    bookworm "$work/rootfs" http://deb.debian.org/debian
fi
cat > "$work/rootfs/strata-init" <<'INIT'
#!/bin/sh
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mount -t tmpfs tmp /tmp
mount -t tmpfs run /run
modprobe 9pnet_virtio
modprobe 9p
mkdir -p /repo /m2 /share
mount -t 9p -o trans=virtio,version=9p2000.L,ro repo /repo
mount -t 9p -o trans=virtio,version=9p2000.L,ro m2 /m2
mount -t 9p -o trans=virtio,version=9p2000.L share /share
HOST_M2=$(cat /share/host-m2) sh /share/guest.sh
sync
echo o > /proc/sysrq-trigger
sleep 60
INIT
chmod +x "$work/rootfs/strata-init"
mke2fs -q -t ext4 -d "$work/rootfs" -F "$work/root.img" 3G

cd "$root"
mvn -B -q -Dmaven.repo.local="$m2" install -DskipTests -pl tape-library-driver,vtl-emulator -am
share="$work/share"
rm -rf "$share"
mkdir -p "$share"
cp "$here"/guest.sh "$here"/*.properties "$share/"
echo "$m2" > "$share/host-m2"
mvn -B -q -Dmaven.repo.local="$m2" dependency:build-classpath -pl tape-library-driver -Dmdep.includeScope=test \
  -Dmdep.outputFile="$share/cp-driver.txt" > /dev/null
mvn -B -q -Dmaven.repo.local="$m2" dependency:build-classpath -pl vtl-emulator -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$share/cp-vtl.txt" > /dev/null

kernel=$(ls "$work"/rootfs/boot/vmlinuz-* | tail -1)
initrd=$(ls "$work"/rootfs/boot/initrd.img-* | tail -1)
# One host thread for both virtual CPUs: with multi-threaded TCG, QEMU 7.2 now and then ran a
# JVM's freshly compiled code before seeing it patched (SIGSEGV / SIGILL in C1 code, about one run
# in five). A CPU model without AVX keeps the guest on long-emulated instructions.
timeout 1800 qemu-system-x86_64 -accel tcg,thread=single -cpu Nehalem -m 3072 -smp 2 \
  -nographic -no-reboot -nic none \
  -kernel "$kernel" -initrd "$initrd" \
  -append "root=/dev/vda rw console=ttyS0 init=/strata-init quiet panic=-1" \
  -drive file="$work/root.img",format=raw,if=virtio \
  -virtfs local,path="$root",mount_tag=repo,security_model=none,readonly=on \
  -virtfs local,path="$m2",mount_tag=m2,security_model=none,readonly=on \
  -virtfs local,path="$share",mount_tag=share,security_model=none \
  > "$work/console.log" 2>&1 || echo "record-in-qemu: the virtual machine did not stop by itself" >&2

cat "$share/guest.log"
if [ "$(cat "$share/recorder.exit" 2> /dev/null)" != 0 ]; then
  echo "record-in-qemu: the suite did not pass live; the recordings were not kept" >&2
  exit 1
fi
target="$root/tape-library-driver/src/test/resources/st-conformance"
rm -rf "$target"
cp -r "$share/recorded" "$target"
cp "$share/recorded-mtx/vtl-large-library.transcript" "$root/tape-library-driver/src/test/resources/mtx/"
rm -rf "$root/tape-library-driver/src/test/resources/st-probe"
cp -r "$share/recorded-probe" "$root/tape-library-driver/src/test/resources/st-probe"
echo "record-in-qemu: $(ls "$target" | wc -l) files in $target, and mtx/vtl-large-library.transcript"
