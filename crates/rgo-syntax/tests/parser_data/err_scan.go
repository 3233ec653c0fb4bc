package p

var h = 0x

var s = "abc
var r = 'ab'
var c = 1 @ 2
var d = 1 + `x
