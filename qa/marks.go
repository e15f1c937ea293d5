package qa

import (
	"strings"
	"unicode/utf8"
)

// lastMarkEnd returns the offset just after the last of the runes of marks
// in s, or 0 when s has none of them.
func lastMarkEnd(s, marks string) int {
	i := strings.LastIndexAny(s, marks)
	if i < 0 {
		return 0
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return i + n
}
