package realdata

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
)

// xquadRecord is one line of an xquad-dev question file, with its fields
// in the order the files write them.
type xquadRecord struct {
	ID          string          `json:"id"`
	Lang        string          `json:"lang"`
	Q           string          `json:"q"`
	Gold        []string        `json:"gold"`
	Ans         []string        `json:"ans"`
	Answerable  json.RawMessage `json:"answerable"`
	Article     string          `json:"article"`
	ArticleLang string          `json:"article_lang"`
	Para        int             `json:"para"`
	Start       *int            `json:"start"`
}

// EnglishOver writes the questions of xling-en (English questions about
// the English articles of xquad-dev) asked about the articles of a mono
// file (mono-es, mono-de, mono-ru: the same questions and articles in
// another language): each line of mono with its question replaced by the
// English one of the same id. Gold, offsets and answerability stay those
// of the article's language; the English short answers join its own.
// XQuAD translated the same questions and paragraphs, so the ids match
// line for line; a mono id missing from xling-en is an error.
func EnglishOver(xlingEn, mono []byte) ([]byte, error) {
	en := map[string]xquadRecord{}
	if err := eachRecord(xlingEn, func(r xquadRecord) error {
		if r.Lang != "en" {
			return fmt.Errorf("xling-en: %s is in %q", r.ID, r.Lang)
		}
		en[r.ID] = r
		return nil
	}); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	err := eachRecord(mono, func(r xquadRecord) error {
		e, ok := en[r.ID]
		if !ok {
			return fmt.Errorf("mono: %s has no English question", r.ID)
		}
		r.Lang, r.Q = "en", e.Q
		for _, a := range e.Ans {
			if !contains(r.Ans, a) {
				r.Ans = append(r.Ans, a)
			}
		}
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		out.Write(b)
		out.WriteByte('\n')
		return nil
	})
	return out.Bytes(), err
}

func eachRecord(data []byte, f func(xquadRecord) error) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var r xquadRecord
		if err := json.Unmarshal(line, &r); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		if err := f(r); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return sc.Err()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
