package qa

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/corpus/timex"
	"github.com/qabot/qabot/lang"
)

// Facts rendered in the reply's language: numbers and dates.

// renderNumber writes a quantity for the reply's language. In the
// articles' language it is the article's own words ("3,000 people",
// "€7.5 million"). In another it is the value written the way that
// language writes numbers ("3 000", "7.500.000 €"): the quote beside it
// says what is counted, and a unit is not translated where its grammar
// (plural, case) could go wrong.
func (e *Engine) renderNumber(l *lang.Language, n corpus.Number) string {
	if l.Code == e.article.l.Code || n.Value != math.Trunc(n.Value) && n.Value < 1000 && !strings.ContainsAny(n.Text, "0123456789") {
		return n.Text
	}
	text := formatNumber(n.Value, l.Message("digit_group", nil), l.Message("decimal_mark", nil))
	if n.Unit != "" && !unicode.IsLetter([]rune(n.Unit)[0]) {
		text += " " + n.Unit // a currency sign or a percent sign
	}
	return text
}

// formatNumber writes v with digit groups of three and a decimal mark.
func formatNumber(v float64, group, decimal string) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 && len(intPart) > 4 {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(decimal + frac)
	}
	return b.String()
}

// renderDate writes a date in the reply's language, to its precision:
// "7 September 2022 (a Wednesday)", "juillet 2022", "2009", "early 1990s".
// Without the language's time data it quotes the article's words.
func (e *Engine) renderDate(l *lang.Language, d timex.Expr) string {
	tl := e.TimeLanguage(l.Code)
	if tl == nil {
		return d.Text
	}
	text := tl.Format(d)
	if text == "" {
		return d.Text
	}
	if d.Precision == timex.Day && d.Kind == timex.Point && !d.From.IsZero() {
		return l.Message("date_with_weekday", map[string]string{"date": text, "weekday": tl.Weekday(d.From)})
	}
	return text
}
