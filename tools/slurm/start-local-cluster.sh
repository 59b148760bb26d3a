#!/usr/bin/env bash
# Starts a one-node SLURM cluster on this machine (munged, slurmctld, slurmd), enough for the job-array
# tests: Debian's slurm-wlm and munge must be installed (.ci/run does it). Run as root. Idempotent: a
# cluster that already answers is left alone. The configuration goes to /etc/slurm/slurm.conf (backed up
# once when it is not ours); state and logs go to /var/lib/atomcuration-slurm.
# Usage: tools/slurm/start-local-cluster.sh        (prints the partition name, "debug", when ready)
set -euo pipefail

if sinfo -h -o %P >/dev/null 2>&1 && [ "$(sinfo -h -o %T -n "$(hostname -s)" 2>/dev/null | head -1)" = "idle" ]; then
    echo debug
    exit 0
fi

state=/var/lib/atomcuration-slurm
mkdir -p "$state/ctld" "$state/d" /run/munge /var/log/munge /etc/slurm
host=$(hostname -s)
cpus=$(nproc)
mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 ))

# munge: a key, owned by the munge user, and the daemon.
if [ ! -s /etc/munge/munge.key ]; then
    dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
fi
chown -R munge:munge /etc/munge /run/munge /var/log/munge /var/lib/munge 2>/dev/null || true
chmod 0700 /etc/munge
chmod 0400 /etc/munge/munge.key
if ! pgrep -x munged >/dev/null; then
    runuser -u munge -- /usr/sbin/munged
fi

conf=/etc/slurm/slurm.conf
if [ -f "$conf" ] && ! grep -q 'written by tools/slurm/start-local-cluster.sh' "$conf"; then
    cp -n "$conf" "$conf.before-atomcuration"
fi
cat > "$conf" <<CONF
# written by tools/slurm/start-local-cluster.sh: a one-node cluster for tests
ClusterName=atomcuration
SlurmctldHost=$host
SlurmUser=root
AuthType=auth/munge
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/d
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
MinJobAge=300
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
rm -f /etc/slurm/cgroup.conf  # no cgroup plugin: proctrack/linuxproc and task/none need none

pgrep -x slurmctld >/dev/null || /usr/sbin/slurmctld
pgrep -x slurmd >/dev/null || /usr/sbin/slurmd

for _ in $(seq 1 60); do
    st=$(sinfo -h -o %T -n "$host" 2>/dev/null | head -1 || true)
    case "$st" in
        idle|mixed|allocated) echo debug; exit 0 ;;
        down*|drain*) scontrol update NodeName="$host" State=RESUME >/dev/null 2>&1 || true ;;
    esac
    sleep 1
done
echo "The local SLURM cluster did not come up; see $state/slurmctld.log and $state/slurmd.log" >&2
exit 1
