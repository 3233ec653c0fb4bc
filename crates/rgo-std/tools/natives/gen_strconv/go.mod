module gen_strconv

go 1.22
