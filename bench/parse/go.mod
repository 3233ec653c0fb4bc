module rgo.dev/bench/parse

go 1.19
