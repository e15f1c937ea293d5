# qabot's image: a static binary on distroless. Plain Dockerfile syntax only,
# so that BuildKit and the legacy builder (DOCKER_BUILDKIT=0) both build it:
# no RUN --mount, no heredocs, no COPY --link/--chmod, no syntax directive
# (TestDockerfile in dockerfile_test.go checks this). `make docker` builds
# and smoke-tests it.

# Build a static binary, as `make build` does. go.mod and go.sum are copied
# first, so the module download is a layer of its own that a code change
# does not invalidate.
FROM golang:1.26 AS build
WORKDIR /src
# The folder of the article database, owned by the image's nonroot user.
RUN mkdir -p /out/data && chown 65532:65532 /out/data
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o /out/qabot .

# Distroless static: CA certificates (for Discord's HTTPS) and time zone
# data, no shell, no package manager, runs as an unprivileged user.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/qabot /qabot
COPY --from=build --chown=nonroot:nonroot /out/data /data
USER nonroot:nonroot
# The articles each server adds, the votes and the declined questions live
# in an SQLite file on the /data volume: mount one (docker run -v
# qabot-data:/data) so that they survive a new container. Set
# QABOT_DATABASE_URL to share a PostgreSQL database between replicas
# instead. The seed article and language data are embedded; mount a folder
# and set QABOT_CORPUS=/corpus to serve other articles.
ENV QABOT_DB=/data/qabot.db
VOLUME ["/data"]
ENTRYPOINT ["/qabot"]
CMD ["serve"]
