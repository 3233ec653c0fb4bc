module rgostd/tools/genreflect

go 1.23
