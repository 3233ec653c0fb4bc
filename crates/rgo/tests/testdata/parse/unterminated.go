package p

const s = "abc
