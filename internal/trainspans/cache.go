package main

import (
	"encoding/gob"
	"fmt"
	"hash/fnv"
	"os"
	"strings"

	"github.com/qabot/qabot/qa"
)

// The candidates of every question take most of a run to collect; with
// -cache they are kept in a file named after the features the engine
// describes them with, so that a run that only changes the fitting reads
// them back.

type cachedExample struct {
	Set, Lang, Kind, ArtLang, Article, ID, Question string
	Answers, Texts                                  []string
	F1                                              []float64
	Off                                             []int32
	Feat                                            []int16
	Val                                             []float32
	Lex                                             []int32
	Rule                                            int
	Typed                                           bool
	Precise                                         bool
	Fits                                            []bool
}

type cacheFile struct {
	Vocab    []string
	Fit, Dev []cachedExample
}

// cacheVersion changes when what is cached of a candidate does.
const cacheVersion = "fits5"

// cachePath names the cache of a data selection after the base features.
func cachePath(dir string, c config) string {
	h := fnv.New64a()
	fmt.Fprint(h, cacheVersion, strings.Join(qa.SpanFeatureNames(), ","), strings.Join(qa.SpanLexPositions(), ","), c.data, c.sets)
	return fmt.Sprintf("%s/trainspans-%x.gob", dir, h.Sum64())
}

func saveCache(path string, fit, dev []example) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	cf := cacheFile{Vocab: lexVocab.names, Fit: toCached(fit), Dev: toCached(dev)}
	return gob.NewEncoder(f).Encode(&cf)
}

func loadCache(path string) (fit, dev []example, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	var cf cacheFile
	if err := gob.NewDecoder(f).Decode(&cf); err != nil {
		return nil, nil, err
	}
	for _, n := range cf.Vocab {
		lexVocab.id(n)
	}
	return fromCached(cf.Fit), fromCached(cf.Dev), nil
}

func toCached(exs []example) []cachedExample {
	out := make([]cachedExample, len(exs))
	for i, e := range exs {
		out[i] = cachedExample{e.set, e.lang, e.kind, e.artLang, e.article, e.id, e.question, e.answers, e.texts, e.f1, e.off, e.feat, e.val, e.lex, e.rule, e.typed, e.precise, e.fits}
	}
	return out
}

func fromCached(cs []cachedExample) []example {
	out := make([]example, len(cs))
	for i, c := range cs {
		out[i] = example{set: c.Set, lang: c.Lang, kind: c.Kind, artLang: c.ArtLang, article: c.Article, id: c.ID, question: c.Question, answers: c.Answers,
			texts: c.Texts, f1: c.F1, off: c.Off, feat: c.Feat, val: c.Val, lex: c.Lex, rule: c.Rule, typed: c.Typed, precise: c.Precise, fits: c.Fits}
	}
	return out
}
