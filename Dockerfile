# Convene's image: one static binary on a small Alpine base.
#   docker build -t convene .
#   docker run --rm -e DATABASE_URL=postgres://… -p 127.0.0.1:8080:8080 convene
# docker-compose.yml runs it with PostgreSQL and Mailpit.

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o /out/convene ./cmd/convene

FROM alpine:3.22
RUN apk add --no-cache ca-certificates tzdata \
    && adduser -D -H -u 10001 -s /sbin/nologin convene
COPY --from=build /out/convene /usr/local/bin/convene
USER convene
ENV CONVENE_ADDR=0.0.0.0:8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
    CMD wget -q -O /dev/null http://127.0.0.1:8080/healthz || exit 1
CMD ["convene", "serve"]
