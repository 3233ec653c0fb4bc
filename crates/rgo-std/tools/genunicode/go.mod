module rgostd/tools/genunicode

go 1.23
