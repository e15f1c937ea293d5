package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDecodeCharRefs(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"no reference", "Tromsø – «ja»", "Tromsø – «ja»"},
		{"quotation marks", "o chamado &quot;Bey Hive&quot; deriva", `o chamado "Bey Hive" deriva`},
		{"ampersand", "Procter &amp; Gamble", "Procter & Gamble"},
		{"less and greater than", "&lt;b&gt;", "<b>"},
		{"apostrophe named", "l&apos;OTAN", "l'OTAN"},
		{"no-break space", "10&nbsp;km", "10\u00a0km"},
		{"accented letter", "caf&eacute;", "café"},
		{"decimal", "Beyonc&#233; &#39;s", "Beyoncé 's"},
		{"hexadecimal", "a &#x2014; b &#X41;", "a — b A"},
		{"astral plane", "&#x1F525;", "🔥"},
		{"decoded once", "&amp;quot;", "&quot;"},
		{"at the end", "a &amp;", "a &"},
		{"without semicolon", "&quot b", "&quot b"},
		{"unknown name", "&unknown; x", "&unknown; x"},
		{"legacy prefix of an unknown name", "&notit;", "&notit;"},
		{"name too long", "&" + strings.Repeat("a", 40) + ";", "&" + strings.Repeat("a", 40) + ";"},
		{"number beyond Unicode", "&#99999999;", "&#99999999;"},
		{"NUL", "&#0;", "&#0;"},
		{"surrogate", "&#xD800;", "&#xD800;"},
		{"control character", "a&#7;b", "a&#7;b"},
		{"no digits", "&#; &#x;", "&#; &#x;"},
		{"digits without semicolon", "&#65 b", "&#65 b"},
		{"too many digits", "&#0000000065;", "&#0000000065;"},
		{"bare ampersand", "AT&T & co", "AT&T & co"},
		{"URL query", "index.php?title=x&oldid=12", "index.php?title=x&oldid=12"},
		{"lone ampersand at the end", "a &", "a &"},
		{"semicolon entity", "&semi;", ";"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DecodeCharRefs(tt.in); got != tt.want {
				t.Errorf("DecodeCharRefs(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCharRefAt(t *testing.T) {
	tests := []struct {
		in   string
		text string
		n    int
	}{
		{"&quot;Bey", `"`, 6},
		{"&#39;s", "'", 5},
		{"&#x41;", "A", 6},
		{"&quot", "", 0},
		{"quot;", "", 0},
		{"&", "", 0},
		{"", "", 0},
	}
	for _, tt := range tests {
		if text, n := CharRefAt(tt.in); text != tt.text || n != tt.n {
			t.Errorf("CharRefAt(%q) = %q, %d; want %q, %d", tt.in, text, n, tt.text, tt.n)
		}
	}
}

// FuzzDecodeCharRefs checks that decoding never grows the text beyond
// what a reference can stand for, keeps valid UTF-8 valid, leaves text
// without '&' alone, and agrees with CharRefAt.
func FuzzDecodeCharRefs(f *testing.F) {
	for _, s := range []string{"&quot;x&quot;", "&#99999999;", "&unknown;", "&amp;amp;", "&#x1F525;", "&quot", "a&b;c", "&#xD800;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := DecodeCharRefs(s)
		if !strings.Contains(s, "&") && got != s {
			t.Fatalf("DecodeCharRefs(%q) = %q: changed text without a reference", s, got)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("DecodeCharRefs(%q) = %q: invalid UTF-8", s, got)
		}
		if strings.Count(got, "&") > strings.Count(s, "&") {
			t.Fatalf("DecodeCharRefs(%q) = %q: more ampersands than the input", s, got)
		}
		if text, n := CharRefAt(s); n > 0 && !strings.HasPrefix(got, text) {
			t.Fatalf("DecodeCharRefs(%q) = %q does not start with CharRefAt's %q", s, got, text)
		}
		if len(got) > len(s) {
			t.Fatalf("DecodeCharRefs(%q) = %q: longer than its input", s, got)
		}
	})
}
