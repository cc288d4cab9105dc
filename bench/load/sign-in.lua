-- wrk script: POST /api/v1/auth/token as the demo users in turn. USERS and PASSWORD are set by sign-in.sh.
local bodies = {}
local next_body = 0

init = function(args)
  local password = os.getenv("PASSWORD")
  for user in string.gmatch(os.getenv("USERS") or "", "%S+") do
    bodies[#bodies + 1] = string.format('{"username":"%s","password":"%s"}', user, password)
  end
  next_body = math.random(#bodies)
end

request = function()
  next_body = next_body % #bodies + 1
  return wrk.format("POST", "/api/v1/auth/token", { ["Content-Type"] = "application/json" }, bodies[next_body])
end

done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f ms, p99 %.1f ms, errors: connect %d read %d write %d timeout %d, non-2xx %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, summary.errors.status))
end
