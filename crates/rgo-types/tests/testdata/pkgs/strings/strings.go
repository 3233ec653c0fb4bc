// Package strings: declarations only, for the checker's tests.
package strings

type Builder struct {
	addr *Builder
	buf  []byte
}

func (b *Builder) String() string
func (b *Builder) WriteString(s string) (int, error)
func (b *Builder) WriteByte(c byte) error
func (b *Builder) WriteRune(r rune) (int, error)
func (b *Builder) Len() int

func Contains(s, substr string) bool
func Index(s, substr string) int
func Join(elems []string, sep string) string
func Split(s, sep string) []string
func Repeat(s string, count int) string
func HasPrefix(s, prefix string) bool
func HasSuffix(s, suffix string) bool
func ToUpper(s string) string
func ToLower(s string) string
func TrimSpace(s string) string
func Fields(s string) []string

// A Reader reads from a string.
type Reader struct {
	s string
	i int64
}

func NewReader(s string) *Reader
func (r *Reader) Len() int
func (r *Reader) Read(b []byte) (n int, err error)
func (r *Reader) ReadByte() (byte, error)
func (r *Reader) ReadRune() (ch rune, size int, err error)
