module rgo.dev/scripts/goparse

go 1.19
