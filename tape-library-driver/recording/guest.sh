# Runs inside the recording virtual machine (see record-in-qemu.sh): serves the Strata VTL to the
# kernel as SCSI devices (TCMU devices on the tcm_loop fabric), then records the tape conformance
# suite through the kernel's st and sg drivers and mtx. /repo is the repository, /m2 the Maven
# repository, /share this script's directory (the transcripts go to /share/recorded).
set -eu
exec > /share/guest.log 2>&1
classpath() { sed -e "s#$HOST_M2#/m2#g" "/share/$1"; }
DRIVER_CP=/repo/tape-library-driver/target/test-classes:/repo/tape-library-driver/target/classes:$(classpath cp-driver.txt)
VTL_CP=/repo/vtl-emulator/target/classes:/repo/tape-library-driver/target/classes:$(classpath cp-vtl.txt)
modprobe target_core_user
modprobe tcm_loop
modprobe st
modprobe sg
mountpoint -q /sys/kernel/config || mount -t configfs none /sys/kernel/config

LIB=/tmp/vtl-library
mkdir -p $LIB
cp /share/library.properties $LIB/
CORE=/sys/kernel/config/target/core/user_1
UNITS="changer drive100 drive101"
mkdir -p $CORE
for u in $UNITS; do
  mkdir $CORE/$u
  echo -n "dev_config=strata/$u" > $CORE/$u/control
  echo -n 1 > $CORE/$u/enable
done
java -cp "$VTL_CP" dev.strata.vtl.VtlMain scsi --dir $LIB > /tmp/vtl.log 2>&1 &
for i in $(seq 1 600); do grep -q "vtl: ready" /tmp/vtl.log && break; sleep 0.2; done
cat /tmp/vtl.log

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
for i in $(seq 1 300); do [ -e /dev/nst1 ] && lsscsi -g | grep -q mediumx && break; sleep 0.2; done
lsscsi -g
CHANGER=$(lsscsi -g | awk '/mediumx/ {print $NF}')
# The first command after attaching meets the unit attention of the new nexus.
mtx -f "$CHANGER" status > /dev/null 2>&1 || true
mtx -f "$CHANGER" status
# LUN n (n >= 1) is drive element 99 + n, in mtx's numbering as in the library's.
DRIVES=$(lsscsi -g | awk '$2 == "tape" { split($1, a, ":"); sub("]", "", a[4]); st = $(NF-1); sub("/dev/st", "/dev/nst", st); print (99 + a[4]) "=" st }' | xargs)
echo "drives: $DRIVES"
set +e
java -cp "$DRIVER_CP" dev.strata.tape.st.RecordHardwareConformance /share/recorded "$CHANGER" $DRIVES \
  "Linux $(uname -r) st and sg drivers, mtx $(dpkg-query -W -f='${Version}' mtx), against the Strata VTL served as SCSI devices (TCMU, tcm_loop) in a QEMU virtual machine"
echo $? > /share/recorder.exit
echo "--- vtl log"
cat /tmp/vtl.log
