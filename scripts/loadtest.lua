-- wrk script for scripts/loadtest.py: cycles through the site's addresses (PATHS is
-- written above this line by loadtest.py), counts answers by status class in every thread,
-- and prints one JSON line the driver reads.
wrk.headers["X-Forwarded-Proto"] = "https"  -- as the TLS proxy in front would
wrk.headers["Accept-Language"] = "en"

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counts = { s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0 }
  position = math.random(#PATHS)
end

function request()
  position = position % #PATHS + 1
  return wrk.format("GET", PATHS[position])
end

function response(status, headers, body)
  local key = "s" .. math.floor(status / 100)
  counts[key] = (counts[key] or 0) + 1
end

function done(summary, latency, requests)
  local total = { s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0 }
  for _, thread in ipairs(threads) do
    local thread_counts = thread:get("counts")
    for key, value in pairs(thread_counts) do
      total[key] = total[key] + value
    end
  end
  local errors = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests": %d, "duration_s": %.2f, "connect_errors": %d, ' ..
    '"read_errors": %d, "write_errors": %d, "timeouts": %d, "status_2xx": %d, ' ..
    '"status_3xx": %d, "status_4xx": %d, "status_5xx": %d, "p50_ms": %.1f, ' ..
    '"p75_ms": %.1f, "p90_ms": %.1f, "p99_ms": %.1f, "max_ms": %.1f, "mean_ms": %.1f}\n',
    summary.requests, summary.duration / 1e6, errors.connect, errors.read, errors.write,
    errors.timeout, total.s2, total.s3, total.s4, total.s5,
    latency:percentile(50) / 1000, latency:percentile(75) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000))
end
