-- wrk script: an empty POST (the raw-insert probe), with the summary line the other scripts print.
wrk.method = "POST"

dofile("bench/load/summary.lua")
