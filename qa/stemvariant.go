package qa

import (
	"slices"

	"github.com/qabot/qabot/lang"
)

// A translation's stem may miss the article's form of the same word when
// the stemmer leaves different endings on the dictionary form and on the
// inflected one: the lexicon gives Russian "умерл" and "умерет" for "die",
// the article writes "умер"; "трубк" for "pipe", the article "труб". The
// article stems that differ from such a stem only in its last letters
// stand in for it, at weightVariant.

// weightVariant is the share of a translation's weight a stem variant of
// it keeps.
const weightVariant = 0.7

// sortedStems returns the corpus's stems in order, built once.
func (ix *index) sortedStems() *lang.SortedWords {
	ix.stemsOnce.Do(func() {
		list := make([]string, 0, len(ix.termIDs))
		for st := range ix.termIDs {
			list = append(list, st)
		}
		slices.Sort(list)
		ix.stemList = lang.NewSortedWords(list)
	})
	return ix.stemList
}

// stemVariants returns the corpus stems that are ending variants of st
// (lang.EndingVariants); none when st is in the corpus itself.
func (ix *index) stemVariants(st string) []string {
	if _, ok := ix.termIDs[st]; ok {
		return nil
	}
	var out []string
	for v := range ix.sortedStems().EndingVariants(st) {
		out = append(out, v)
	}
	return out
}

// endingVariantsIn returns the stems of the sorted list that are ending
// variants of st (lang.EndingVariants).
func endingVariantsIn(list []string, st string) []string {
	var out []string
	for v := range lang.EndingVariants(list, st) {
		out = append(out, v)
	}
	return out
}
