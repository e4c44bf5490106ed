# Shared by the benches (sourced): the server's runtime counters from its /metrics, and what they come to a report.

# "allocated-bytes completed-work-items group-commits writes-committed" of the process serving front_port, as the
# runtime's instruments and the ledger's batch-size histogram count them.
server_counters() {
  curl -s "http://127.0.0.1:$front_port/metrics" | awk '
    /^dotnet_gc_heap_total_allocated_bytes_total/ { bytes = $2 }
    /^dotnet_thread_pool_work_item_count_total/ { items = $2 }
    /^supervision_ledger_batch_size[a-z_]*_count/ { commits += $2 }
    /^supervision_ledger_batch_size[a-z_]*_sum/ { writes += $2 }
    END { print bytes, items, commits + 0, writes + 0 }'
}

# "alloc A KB/report | work items W/report | R reports a commit" between two server_counters readings, over REPORTS
# reports. A group commit's own allocations (its statements' parameters and arrays) are shared by the reports it
# commits, so fewer reports a commit (a slower machine, fewer connections) means more bytes a report.
per_report() { # "counters before" "counters after" reports
  awk -v c0="$1" -v c1="$2" -v r="$3" 'BEGIN {
    split(c0, a, " "); split(c1, b, " ")
    if (r <= 0 || a[1] == "" || b[1] == "") { print "alloc n/a KB/report | work items n/a/report"; exit }
    printf "alloc %.1f KB/report | work items %.2f/report | %.1f writes a commit", (b[1] - a[1]) / r / 1024, (b[2] - a[2]) / r, (b[3] > a[3]) ? (b[4] - a[4]) / (b[3] - a[3]) : 0 }'
}
