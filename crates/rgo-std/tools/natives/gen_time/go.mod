module gen_time

go 1.22
