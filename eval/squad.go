package eval

import "strings"

// SquadNorm normalises an answer as the official SQuAD v1.1 evaluation
// script does (and ../shared/eval/score_articles.py after it): lower
// case, ASCII punctuation removed, the articles "a", "an" and "the"
// removed, white space collapsed.
//
//	s = s.lower()
//	s = "".join(ch for ch in s if ch not in set(string.punctuation))
//	s = re.sub(r"\b(a|an|the)\b", " ", s)
//	return " ".join(s.split())
func SquadNorm(s string) string {
	rs := pyLower([]rune(s))
	kept := rs[:0]
	for _, r := range rs {
		if r < 0x80 && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r) {
			continue
		}
		kept = append(kept, r)
	}
	// \b(a|an|the)\b matches exactly a maximal run of word characters
	// that is one of the three.
	var b strings.Builder
	for i := 0; i < len(kept); {
		if !isWord(kept[i]) {
			b.WriteRune(kept[i])
			i++
			continue
		}
		j := i
		for j < len(kept) && isWord(kept[j]) {
			j++
		}
		switch w := string(kept[i:j]); w {
		case "a", "an", "the":
			b.WriteByte(' ')
		default:
			b.WriteString(w)
		}
		i = j
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// SquadF1 is the SQuAD token F1 of a predicted answer against one gold
// answer: the harmonic mean of the shares of shared tokens (counted with
// multiplicity) in each, 0 when none is shared.
func SquadF1(pred, gold string) float64 {
	p, g := strings.Fields(SquadNorm(pred)), strings.Fields(SquadNorm(gold))
	counts := map[string]int{}
	for _, t := range g {
		counts[t]++
	}
	same := 0
	for _, t := range p {
		if counts[t] > 0 {
			counts[t]--
			same++
		}
	}
	if same == 0 {
		return 0
	}
	prec, rec := float64(same)/float64(len(p)), float64(same)/float64(len(g))
	return 2 * prec * rec / (prec + rec)
}

// SquadEM reports whether a predicted answer equals a gold answer after
// SquadNorm.
func SquadEM(pred, gold string) bool { return SquadNorm(pred) == SquadNorm(gold) }

// BestF1 returns the best SquadF1 and SquadEM of pred over golds, as the
// SQuAD script scores a question with several gold answers.
func BestF1(pred string, golds []string) (f1 float64, em bool) {
	for _, g := range golds {
		f1 = max(f1, SquadF1(pred, g))
		em = em || SquadEM(pred, g)
	}
	return f1, em
}
