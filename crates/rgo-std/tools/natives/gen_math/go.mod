module gen_math

go 1.22
