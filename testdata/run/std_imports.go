package main

import (
	"errors"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
)

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

var ErrNeg = errors.New("negative")

func sqrt(x float64) (float64, error) {
	if x < 0 {
		return 0, ErrNeg
	}
	return math.Sqrt(x), nil
}

func main() {
	// strings
	println(strings.ToUpper("hello"), strings.ToLower("WoRlD"), strings.Title("x"))
	println(strings.Contains("seafood", "foo"), strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"))
	println(strings.Index("chicken", "ken"), strings.LastIndex("go gopher", "go"), strings.IndexByte("abc", 'c'))
	println(strings.Repeat("na", 3), strings.Replace("oink oink oink", "k", "ky", 2), strings.ReplaceAll("aaa", "a", "b"))
	parts := strings.Split("a,b,c", ",")
	println(len(parts), parts[0], parts[2], strings.Join(parts, "-"))
	println(strings.TrimSpace("  x  "), strings.Trim("xxhixx", "x"), strings.TrimPrefix("prefix-body", "prefix-"))
	f := strings.Fields("  a b   c ")
	println(len(f), f[1], strings.Count("cheese", "e"), strings.EqualFold("Go", "GO"))
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		sb.WriteString("ab")
		sb.WriteByte('!')
	}
	println(sb.String(), sb.Len())
	// strconv
	println(strconv.Itoa(-45), strconv.FormatInt(255, 16), strconv.Quote("tab\there"))
	n, err := strconv.Atoi("123")
	println(n, err == nil)
	_, err = strconv.Atoi("12a")
	println(err.Error())
	fv, _ := strconv.ParseFloat("1e-3", 64)
	println(strconv.FormatFloat(fv, 'f', 4, 64), strconv.FormatFloat(math.Pi, 'g', -1, 64))
	b, _ := strconv.ParseBool("true")
	println(b, strconv.FormatBool(false))
	// math
	println(math.Floor(2.7), math.Ceil(2.1), math.Abs(-3), math.Max(2, 5), math.Min(2, 5))
	println(math.Pow(2, 10), math.Inf(1), math.IsNaN(math.NaN()), math.MaxInt64, math.Trunc(-2.5))
	println(strconv.FormatFloat(math.Sin(1), 'g', -1, 64), strconv.FormatFloat(math.Log(10), 'g', -1, 64), strconv.FormatFloat(math.Hypot(3, 4), 'g', -1, 64))
	// sort
	xs := []int{5, 2, 8, 1, 9}
	sort.Ints(xs)
	println(xs[0], xs[1], xs[2], xs[3], xs[4], sort.IntsAreSorted(xs), sort.SearchInts(xs, 8))
	ss := []string{"pear", "apple", "fig"}
	sort.Strings(ss)
	println(ss[0], ss[1], ss[2])
	words := byLen{"ccc", "a", "bb"}
	sort.Sort(words)
	println(words[0], words[1], words[2])
	people := []struct {
		name string
		age  int
	}{{"al", 30}, {"bo", 20}, {"cy", 25}}
	sort.Slice(people, func(i, j int) bool { return people[i].age < people[j].age })
	println(people[0].name, people[1].name, people[2].name)
	// errors
	_, err = sqrt(-1)
	println(err == ErrNeg, errors.Is(err, ErrNeg), err.Error())
	joined := errors.Join(ErrNeg, errors.New("other"))
	println(errors.Is(joined, ErrNeg), joined.Error() == "negative\nother")
	// os
	println(len(os.Args) >= 1, os.Getenv("RGO_SURELY_UNSET_VAR") == "")
	os.Stdout.WriteString("stdout line\n")
	defer println("deferred: not printed")
	os.Exit(3)
}
