module rgostd/tools/difftest/prep

go 1.23
