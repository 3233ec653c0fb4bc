package p

var x = [
