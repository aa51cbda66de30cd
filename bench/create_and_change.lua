-- wrk script: POST create-and-change-customer, each request on the next of the seeded orders
-- and with an email no request used before (so every call creates a customer).
-- The URL's path names the first seeded order: http://host:port/first-order/<id>.
-- Environment: BENCH_AUTH (the Authorization header), BENCH_ORDERS (how many were seeded).

local counter = 0
local next_thread = 0
-- `thread_id` is the global setup() gives each thread (a local of that name here would shadow
-- it, and every thread would send the same emails: half the requests would answer 422 exist).

function setup(thread)
    next_thread = next_thread + 1
    thread:set("thread_id", next_thread)
end

function init(args)
    first_order = tonumber(wrk.path:match("/first%-order/(%d+)"))
    orders = tonumber(os.getenv("BENCH_ORDERS"))
    -- bench/run exports the whole header line; wrk.format wants the value.
    auth = (os.getenv("BENCH_AUTH") or ""):gsub("^Authorization: ", "")
    -- One tag per run and target: the two write targets of a run must not share emails.
    run_tag = (os.getenv("BENCH_RUN_TAG") or "run") .. "-" .. first_order
end

function request()
    counter = counter + 1
    -- Threads take interleaved orders so that they rarely meet on one row.
    local order = first_order + ((counter * 2 + thread_id) % orders)
    local body = string.format(
        '{"email":"bench-%s-%d-%d@example.com","full_name":"Bench Customer"}',
        run_tag, thread_id, counter)
    return wrk.format("POST",
        "/wp-json/fluent-cart/v2/orders/" .. order .. "/create-and-change-customer",
        {["Authorization"] = auth, ["Content-Type"] = "application/json"}, body)
end
