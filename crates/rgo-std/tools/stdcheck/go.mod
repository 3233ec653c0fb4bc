module rgostd/tools/stdcheck

go 1.23
