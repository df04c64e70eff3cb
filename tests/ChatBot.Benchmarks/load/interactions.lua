-- wrk script: replays a pool of pre-signed Discord interactions against the HTTP interactions endpoint.
-- The pool file (written by `ChatBot.Benchmarks interactions`) has one request per line:
--   timestamp <TAB> Ed25519 signature (hex) <TAB> JSON body
-- Usage: wrk -t2 -c16 -d20s --latency -s interactions.lua http://127.0.0.1:PORT/interactions -- pool.tsv

local requests = {}
local index = 0

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local timestamp, signature, body = line:match("([^\t]+)\t([^\t]+)\t(.+)")
    requests[#requests + 1] = wrk.format("POST", nil, {
      ["Content-Type"] = "application/json",
      ["X-Signature-Timestamp"] = timestamp,
      ["X-Signature-Ed25519"] = signature,
    }, body)
  end
  file:close()
  index = math.random(#requests)
end

function request()
  index = index % #requests + 1
  return requests[index]
end

function response(status, headers, body)
  if status ~= 200 then
    wrk.thread:set("failed", (wrk.thread:get("failed") or 0) + 1)
  end
end
