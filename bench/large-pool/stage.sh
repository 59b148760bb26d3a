# Sourced by run.sh and per-atom.sh: stage N NAME COMMAND runs COMMAND in a fresh PowerShell (module $module loaded,
# working folder $work) under GNU time and appends "n,stage,seconds,cpu_seconds,peak_rss_mb" (wall time, user + sys
# time, maximum resident set size of the PowerShell process) to $results.
stage() { # n name command
    local n=$1 name=$2 cmd=$3 log="$work/$2-$1.time"
    /usr/bin/time -v -o "$log" dotnet pwsh -NoProfile -NonInteractive -c \
        "\$ErrorActionPreference = 'Stop'; Import-Module '$module'; Set-Location '$work'; $cmd" | tail -3
    local wall cpu rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$log")
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")
    echo "$n,$name,$wall,$cpu,$rss" | tee -a "$results"
}
