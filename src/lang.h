/*
 * lang: the language of messages and prompts (Dutch or English).
 *
 * Messages are written at the call site in both languages, tr("en", "nl"),
 * so a reader sees the two side by side and neither can go missing.
 */
#ifndef STANCE_LANG_H
#define STANCE_LANG_H

enum lang { LANG_EN, LANG_NL };

extern enum lang lang_current;

/* "nl" or "en" (case-insensitive, a region suffix allowed: nl_BE); -1 if neither. */
int lang_parse(const char *name);
/* From LC_ALL, LC_MESSAGES, LANG: the first one set and non-empty decides;
 * nl* is Dutch, anything else English. */
enum lang lang_from_environment(void);
const char *lang_name(enum lang lang);

/* The Dutch text must take the same arguments as the English, which the
 * compiler checks against the call. */
const char *tr(const char *english, const char *dutch)
    __attribute__((format_arg(1)));

/* strerror in the language of the messages (the errors a user meets). */
const char *lang_strerror(int number);

#endif
