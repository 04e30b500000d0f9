package handlers

// commonTimezones are offered in time-zone fields; any other IANA name may be typed.
var commonTimezones = []string{
	"UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Madrid", "Europe/Paris", "Europe/Amsterdam",
	"Europe/Berlin", "Europe/Zurich", "Europe/Rome", "Europe/Stockholm", "Europe/Warsaw", "Europe/Prague",
	"Europe/Vienna", "Europe/Athens", "Europe/Helsinki", "Europe/Kyiv", "Europe/Istanbul", "Europe/Moscow",
	"Asia/Tbilisi", "Asia/Yerevan", "Asia/Dubai", "Asia/Almaty", "Asia/Tashkent", "Asia/Kolkata", "Asia/Bangkok",
	"Asia/Singapore", "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Tokyo", "Asia/Seoul", "Australia/Sydney",
	"Pacific/Auckland", "America/Sao_Paulo", "America/Argentina/Buenos_Aires", "America/New_York",
	"America/Toronto", "America/Chicago", "America/Mexico_City", "America/Denver", "America/Los_Angeles",
	"Africa/Lagos", "Africa/Cairo", "Africa/Johannesburg", "Africa/Nairobi",
}
