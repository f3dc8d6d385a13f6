-- wrk script: post unique reader comments to one article; count what the site accepted.
-- Environment: BENCH_ARTICLE_ID, BENCH_TOKEN (the form token from the page), BENCH_MARKER,
-- BENCH_ORIGIN (http://host:port, for the same-origin check).
local counter, threads = 0, {}
local id, marker = os.getenv("BENCH_ARTICLE_ID"), os.getenv("BENCH_MARKER")
local token = os.getenv("BENCH_TOKEN")

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  accepted, refused, unavailable, other = 0, 0, 0, 0
  wrk.method = "POST"
  wrk.path = "/comments/post/" .. id .. "/"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Origin"] = os.getenv("BENCH_ORIGIN")
end

function request()
  counter = counter + 1
  local text = string.format("Load test comment %s-%d-%d: the ferry timetable changed again.",
                             marker, tid, counter)
  local body = "name=Reader+" .. tid .. "&email=reader" .. tid .. "x" .. counter ..
               "%40example.com&url=&text=" .. urlencode(text) .. "&token=" .. urlencode(token)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 303 then accepted = accepted + 1
  elseif status == 503 then unavailable = unavailable + 1
  elseif status >= 400 and status < 500 then refused = refused + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local a, r, u, o = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("accepted"); r = r + thread:get("refused")
    u = u + thread:get("unavailable"); o = o + thread:get("other")
  end
  io.write(string.format("ACCEPTED=%d\nREFUSED=%d\nUNAVAILABLE=%d\nOTHER=%d\n", a, r, u, o))
end
