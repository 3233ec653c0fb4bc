// Package strconv: declarations only, for the checker's tests.
package strconv

func Itoa(i int) string
func Atoi(s string) (int, error)
func Quote(s string) string
func FormatInt(i int64, base int) string
func ParseInt(s string, base int, bitSize int) (i int64, err error)

const IntSize = 64

func FormatFloat(f float64, fmt byte, prec, bitSize int) string
func FormatUint(i uint64, base int) string
func ParseUint(s string, base int, bitSize int) (uint64, error)
func ParseFloat(s string, bitSize int) (float64, error)
func ParseBool(str string) (bool, error)
func QuoteRune(r rune) string
func AppendInt(dst []byte, i int64, base int) []byte
