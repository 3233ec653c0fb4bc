// Maps: insert, lookup, comma-ok, delete, len, struct values, iteration
// (sum only: order is random).
package main

func main() {
	m := map[string]int{"a": 1, "b": 2}
	m["c"] = 3
	println(len(m), m["a"], m["z"])
	v, ok := m["b"]
	println(v, ok)
	_, ok = m["q"]
	println(ok)
	delete(m, "a")
	println(len(m))
	sum := 0
	for k, v := range m {
		sum += v + len(k)
	}
	println(sum)
	ints := make(map[int]int)
	for i := 0; i < 1000; i++ {
		ints[i*7] = i
	}
	println(len(ints), ints[700], ints[701])
	m["b"] += 40
	m["new"]++
	println(m["b"], m["new"])
	type P struct{ x, y int }
	pm := map[P]string{{1, 2}: "one-two"}
	println(pm[P{1, 2}], pm[P{2, 1}] == "")
	var nm map[string]int
	println(nm["x"], len(nm))
	clear(m)
	println(len(m))
}
