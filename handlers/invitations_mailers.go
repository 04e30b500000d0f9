package handlers

import "github.com/convene/convene/models"

// InviteMailer renders and enqueues invitations outside a request (the demo sends through it).
func (h *Handlers) InviteMailer() models.InviteMail { return h.inviteMail }

// SurveyMailer renders and enqueues survey mails outside a request (the demo sends through it).
func (h *Handlers) SurveyMailer() models.SurveyMail { return h.surveyMail }
