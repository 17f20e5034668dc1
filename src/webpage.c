/*
 * webpage: the frame of every page ask --web sends: the CGI headers
 * (status, a Content-Security-Policy that allows nothing from elsewhere
 * but the page's own style and script, by their hashes; no referrer, no
 * cache), the document around the body, and the whole written at once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "html.h"
#include "lang.h"
#include "output.h"
#include "sha256.h"
#include "text.h"
#include "webpage.h"

static const char style[] =
    "body{font:1.05rem/1.5 system-ui,sans-serif;margin:0 auto;max-width:40rem;"
    "padding:0 1rem 3rem;color:#111;background:#fff;overflow-wrap:anywhere}"
    "h1{font-size:1.45rem;line-height:1.25}.wall h1{font-size:2rem}"
    "fieldset{border:1px solid #777;border-radius:.5rem;margin:1.5rem 0;padding:.5rem 1rem 1rem;min-width:0}"
    "legend{font-weight:bold;font-size:1.15rem;padding:0 .3rem}"
    "label{display:block;margin:.3rem 0;padding:.45rem .3rem;border-radius:.3rem}"
    "label:hover{background:#eee}"
    "input[type=radio]{margin-right:.5rem}"
    "input[type=range]{width:100%;margin:.2rem 0 .6rem}"
    "input[type=text]{display:block;width:100%;box-sizing:border-box;font:inherit;padding:.4rem}"
    "button{font:inherit;padding:.7rem 1.6rem;margin-top:.5rem}"
    ".problem{border-left:.3rem solid #b00;padding:.2rem .8rem}"
    ".done{border-left:.3rem solid #070;padding:.2rem .8rem}"
    ".near{font-style:italic}"
    "img{max-width:100%;height:auto}"
    ".wall{max-width:none;display:flex;flex-wrap:wrap;gap:1rem 3rem;align-items:flex-start}"
    ".wall main{flex:1 1 36rem}.wall aside{flex:0 0 16rem;font-size:1.3rem}"
    ".wall img.room{width:100%}"
    ".last{font-size:.95rem;color:#333;margin:.2rem 0 .6rem}"
    ".last svg{display:block;width:100%;height:1.2rem}";

static const char script[] =
    "document.querySelectorAll('input[type=range]').forEach(function(s){"
    "var f=s.closest('fieldset'),b=f.querySelector('input[value=s]'),o=f.querySelector('.near'),"
    "t=[].map.call(f.querySelectorAll('.st'),function(e){return e.textContent;});"
    "s.addEventListener('input',function(){var i=Math.round(s.value/100*(t.length-1));"
    "b.checked=true;o.textContent=o.dataset.word+' '+(i+1);"
    "s.setAttribute('aria-valuetext',s.value+'% \\u2013 '+t[i]);});"
    "});"
    /* The projector's page: the picture and the count drawn again in
     * place, so that the page does not jump back to its top. */
    "var w=document.querySelector('[data-refresh]');"
    "if(w)setInterval(function(){"
    "fetch(location.href,{cache:'no-store'}).then(function(x){return x.text();}).then(function(t){"
    "var c=new DOMParser().parseFromString(t,'text/html').querySelector('.count');"
    "if(c)w.querySelector('.count').textContent=c.textContent;});"
    "var o=w.querySelector('img.room'),n=new Image();n.onload=function(){o.src=n.src;};"
    "n.src='?results=svg&n='+Date.now();},1000*w.dataset.refresh);";


/* ---- Small pieces. ---- */

static void
base64(struct buf *out, const unsigned char *s, size_t n)
{
	static const char digits[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		buf_addc(out, digits[s[i] >> 2]);
		buf_addc(out, digits[((s[i] & 3) << 4) | (s[i + 1] >> 4)]);
		buf_addc(out, digits[((s[i + 1] & 15) << 2) | (s[i + 2] >> 6)]);
		buf_addc(out, digits[s[i + 2] & 63]);
	}
	if (n - i == 1) {
		buf_addc(out, digits[s[i] >> 2]);
		buf_addc(out, digits[(s[i] & 3) << 4]);
		buf_addstr(out, "==");
	} else if (n - i == 2) {
		buf_addc(out, digits[s[i] >> 2]);
		buf_addc(out, digits[((s[i] & 3) << 4) | (s[i + 1] >> 4)]);
		buf_addc(out, digits[(s[i + 1] & 15) << 2]);
		buf_addc(out, '=');
	}
}

/* 'sha256-…' of an inline element's text, for the policy. */
static void
source_hash(struct buf *out, const char *text)
{
	unsigned char digest[SHA256_BYTES];

	sha256(text, strlen(text), digest);
	buf_addstr(out, "'sha256-");
	base64(out, digest, sizeof(digest));
	buf_addc(out, '\'');
}

/* Write the page whole; 0, or -1 (said) when standard output failed. */
int
webpage_send(struct webpage *p)
{
	struct buf out = { 0 };
	int result = 0;

	buf_printf(&out, "Status: %d %s\r\n", p->status, p->reason);
	if (p->headers.len > 0)
		buf_add(&out, p->headers.data, p->headers.len);
	buf_addstr(&out, "Content-Type: text/html; charset=utf-8\r\n"
	    "Content-Security-Policy: default-src 'none'; img-src 'self'; connect-src 'self'; style-src ");
	source_hash(&out, style);
	buf_addstr(&out, "; script-src ");
	source_hash(&out, script);
	/* The token is in the address: no page elsewhere learns it, and no
	 * cache keeps someone's answers. */
	buf_addstr(&out, "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'\r\n"
	    "Referrer-Policy: no-referrer\r\n"
	    "Cache-Control: no-store\r\n"
	    "X-Content-Type-Options: nosniff\r\n\r\n");
	buf_printf(&out, "<!doctype html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
	    lang_current == LANG_NL ? "nl" : "en");
	/* Without JavaScript the page reloads itself whole. */
	if (p->refresh > 0)
		buf_printf(&out, "<noscript><meta http-equiv=\"refresh\" content=\"%d\"></noscript>\n", p->refresh);
	buf_addstr(&out, "<title>");
	html_escape(&out, p->title);
	buf_printf(&out, "</title>\n<style>%s</style>\n</head>\n<body%s>\n", style,
	    p->wall ? " class=\"wall\"" : "");
	buf_add(&out, p->body.data != NULL ? p->body.data : "", p->body.len);
	buf_printf(&out, "<script>%s</script>\n</body>\n</html>\n", script);
	if (fwrite(out.data, 1, out.len, stdout) != out.len || output_close_stdout() < 0)
		result = -1;
	buf_free(&out);
	buf_free(&p->body);
	buf_free(&p->headers);
	return result;
}

/* A page that says one thing: a refusal, a closed round. */
int
webpage_say(int status, const char *reason, const char *title, const char *text)
{
	struct webpage p = { .status = status, .reason = reason, .title = title };

	buf_addstr(&p.body, "<h1>");
	html_escape(&p.body, title);
	buf_addstr(&p.body, "</h1>\n<p class=\"problem\">");
	html_escape(&p.body, text);
	buf_addstr(&p.body, "</p>\n");
	return webpage_send(&p);
}

/* A refusal, for the server's log: who asked, what was wrong, and the
 * participant the request named, quoted, never raw. */
void
webpage_refuse_log(const char *what, const char *participant)
{
	const char *from = getenv("REMOTE_ADDR");
	struct buf who = { 0 };

	if (from == NULL || *from == '\0')
		from = "-";
	if (participant == NULL) {
		diag_warn("web: %s: %s", from, what);
		return;
	}
	text_quote(&who, participant, strlen(participant));
	diag_warn(tr("web: %s: %s (participant '%s')", "web: %s: %s (deelnemer '%s')"), from, what,
	    who.data != NULL ? who.data : "");
	buf_free(&who);
}

