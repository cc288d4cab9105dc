-- wrk script: an empty POST, with the same latency summary line as the other scripts.
wrk.method = "POST"

done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f ms, p99 %.1f ms, errors: connect %d read %d write %d timeout %d, non-2xx %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, summary.errors.status))
end
