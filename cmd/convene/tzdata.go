package main

// Time-zone data is embedded, so every IANA zone works whatever the host has installed.
import _ "time/tzdata"
