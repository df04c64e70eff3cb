-- wrk script: replays a pool of Bot Framework activities against the Teams messaging endpoint, in order, so each
-- activity id is sent once. The pool file (written by `ChatBot.Benchmarks teams`) has one request per line:
--   channel JWT <TAB> activity JSON
-- Usage: wrk -t2 -c16 -d20s --latency -s teams.lua http://127.0.0.1:PORT/api/messages -- pool.tsv

local threads = 0

function setup(thread)
  -- Thread k sends lines k, k+2, k+4, …: the two threads never send the same activity.
  threads = threads + 1
  thread:set("first", threads)
end

local requests = {}
local index = 0
local pause = 0

function init(args)
  -- Optional second argument: a pause in milliseconds between a connection's requests, to offer a fixed rate
  -- (connections × 1000 / pause per second) instead of as many as the bot takes.
  pause = tonumber(args[2] or "0") or 0
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local token, body = line:match("([^\t]+)\t(.+)")
    requests[#requests + 1] = wrk.format("POST", nil, {
      ["Content-Type"] = "application/json",
      ["Authorization"] = "Bearer " .. token,
    }, body)
  end
  file:close()
  index = (first or 1) - 2
end

function request()
  index = index + 2
  if index > #requests then
    index = ((index - 1) % #requests) + 1
  end
  return requests[index]
end

function delay()
  return pause
end
