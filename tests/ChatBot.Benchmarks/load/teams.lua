-- wrk script: sends Bot Framework message activities to the Teams messaging endpoint, each with a fresh activity id,
-- spread over a fixed set of conversations. The input file (written by `ChatBot.Benchmarks teams`) has tab-separated
-- lines: `conversations <n>`, `prefix <id prefix>`, `token <channel JWT>` (any number), and `channel <activity>` /
-- `personal <activity>` templates whose @@CONVERSATION@@, @@ID@@ and @@USER@@ are filled in per request.
-- Usage: wrk -t2 -c16 -d20s --latency -s teams.lua http://127.0.0.1:PORT/api/messages -- input.tsv [pause-ms]

local threads = 0

function setup(thread)
  -- Thread k sends activities k, k+2, k+4, …: the two threads never send the same activity id.
  threads = threads + 1
  thread:set("first", threads)
end

local tokens = {}
local templates = {}
local conversations = 4096
local prefix = "m"
local index = 0
local pause = 0
local owed = 0

function init(args)
  -- Optional second argument: a pause in milliseconds between a connection's requests (fractions allowed), to offer
  -- about connections × 1000 / pause per second instead of as many as the bot takes.
  pause = tonumber(args[2] or "0") or 0
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local key, value = line:match("([^\t]+)\t(.+)")
    if key == "token" then
      tokens[#tokens + 1] = value
    elseif key == "conversations" then
      conversations = tonumber(value)
    elseif key == "prefix" then
      prefix = value
    else
      templates[key] = value
    end
  end
  file:close()
  index = (first or 1) - 2
end

function request()
  index = index + 2
  local c = index % conversations
  local channel = c % 3 == 0
  local conversation = channel and string.format("19:conv%d@thread.tacv2", c) or string.format("a:personal-%d", c)
  local body = (channel and templates.channel or templates.personal)
    :gsub("@@CONVERSATION@@", conversation, 1)
    :gsub("@@ID@@", string.format("%s%09d", prefix, index), 1)
    :gsub("@@USER@@", string.format("29:user-%d", index % 997), 1)
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[(index % #tokens) + 1],
  }, body)
end

function delay()
  -- wrk waits whole milliseconds: carry the fraction over, so the average pause is the one asked for.
  owed = owed + pause
  local whole = math.floor(owed)
  owed = owed - whole
  return whole
end
