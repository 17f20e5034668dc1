#!/usr/bin/python3
"""web-pictures.py TOP OUT: the README's pictures of ask --web, drawn by a
real Chromium through a real lighttpd: OUT/web-phone.png, the page of a
signed link on a 360-pixel phone (twice the density), one statement
tapped; and OUT/web-projector.png, a meeting's results page at 1280 by
720, twelve people's answers, the address and its QR code.  Prints for
each image on the projector page whether the browser could draw it.
"""
import os
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import webserver  # noqa: E402

top, out = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp()
key = b'the pictures key'
# Twelve people's answers, as a room gives them.
with open(work + '/round.tsv', 'w') as f:
    for i in range(12):
        for k, c in enumerate(('steering', 'openness', 'enforcement', 'legal', 'audience')):
            f.write('2026-spring\tp%02d\troom\t%s\t%d\t2026-11-25T09:0%d:00Z\t\n'
                    % (i, c, (i * 37 + k * 23) % 101, i % 10))
server, port = webserver.start(work, top, key, {
    'answer.cgi': '-r 2026-spring', 'live.cgi': '-r 2026-spring --meeting anonymous -g room'},
    prefix='env STANCE_NOW=2026-11-25T09:30:00Z ')


def browser(width, height, density):
    options = webdriver.ChromeOptions()
    for argument in ('--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu',
                     '--hide-scrollbars'):
        options.add_argument(argument)
    options.add_experimental_option('mobileEmulation', {
        'deviceMetrics': {'width': width, 'height': height, 'pixelRatio': density, 'touch': density > 1}})
    return webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=options)


try:
    token = webserver.token(key, '2026-spring', 'ann', 'staff')
    phone = browser(360, 740, 2)
    phone.get('http://127.0.0.1:%d/answer.cgi?r=2026-spring&p=ann&g=staff&t=%s' % (port, token))
    phone.find_element(By.XPATH, '//input[@name="a.steering"][@value="2"]').click()
    phone.execute_script('window.scrollTo(0, 0)')
    phone.save_screenshot(out + '/web-phone.png')
    phone.quit()
    projector = browser(1280, 720, 1)
    projector.get('http://127.0.0.1:%d/live.cgi?results=1' % port)
    time.sleep(0.5)
    for image in projector.find_elements(By.TAG_NAME, 'img'):
        print(image.get_attribute('src').split('?')[1],
              projector.execute_script('return arguments[0].complete && arguments[0].naturalWidth > 0', image))
    projector.save_screenshot(out + '/web-projector.png')
    projector.quit()
finally:
    server.terminate()
    server.wait()
