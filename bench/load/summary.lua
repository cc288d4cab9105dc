-- The summary line every load script prints and its shell script checks: latencies and every kind of error.
-- Loaded with dofile by the wrk scripts here (wrk runs from the repository root).
done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f ms, p99 %.1f ms, errors: connect %d read %d write %d timeout %d, non-2xx %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, summary.errors.status))
end
