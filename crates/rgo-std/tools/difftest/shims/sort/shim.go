package sort

import "reflect"

// Test-only bodies for the sort natives.

func reflectSwapper(x any) func(i, j int) { return reflect.Swapper(x) }

func reflectLen(x any) int { return reflect.ValueOf(x).Len() }
