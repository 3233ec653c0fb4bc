module rgostd/tools/genrand

go 1.23
