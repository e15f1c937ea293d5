module github.com/qabot/qabot

go 1.26.8
