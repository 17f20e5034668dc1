#!/usr/bin/python3
"""Fill in ask --web's page in a real browser, as a phone does, for
tests/web.bats.

    web-browser.py URL on|off SCREENSHOT [WIDTH]

Chromium (through chromium-driver) at a phone's 360 by 740 CSS pixels,
touch events on, JavaScript on or off: tap statement 2 of Direction,
move Openness's slider by keyboard (with JavaScript, that alone chooses
"somewhere between" and says the nearest statement; without, the
button is tapped too), tap Enforcement's "no opinion" and send.  Prints
what it saw, one fact a line, and keeps a screenshot of the page as it
was before sending.
"""
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.actions import interaction
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.actions.pointer_input import PointerInput
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait


def browser(javascript, width):
    options = webdriver.ChromeOptions()
    for argument in ('--headless=new', '--no-sandbox', '--disable-dev-shm-usage',
                     '--disable-gpu', '--hide-scrollbars'):
        options.add_argument(argument)
    options.add_experimental_option('mobileEmulation', {
        'deviceMetrics': {'width': width, 'height': 740, 'pixelRatio': 2, 'touch': True}})
    driver = webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=options)
    # The page's scripts off, as a browser with JavaScript disabled;
    # the driver's own still work.
    driver.execute_cdp_cmd('Emulation.setScriptExecutionDisabled', {'value': not javascript})
    return driver


def tap(driver, element):
    """A finger's tap on the element, as touch events."""
    finger = PointerInput(interaction.POINTER_TOUCH, 'finger')
    actions = ActionBuilder(driver, mouse=finger)
    actions.pointer_action.move_to(element).pointer_down().pointer_up()
    actions.perform()


def main():
    url, javascript, screenshot = sys.argv[1], sys.argv[2] == 'on', sys.argv[3]
    # 180 is a 360-pixel phone at 200% zoom.
    width = int(sys.argv[4]) if len(sys.argv) > 4 else 360
    driver = browser(javascript, width)
    try:
        driver.get(url)
        fieldsets = driver.find_elements(By.TAG_NAME, 'fieldset')
        print('fieldsets', len(fieldsets))
        # Nothing wider than the phone: every fieldset inside 360 pixels.
        print('widest', max(f.rect['x'] + f.rect['width'] for f in fieldsets) <= width)
        print('no sideways scrolling', driver.execute_script(
            'return document.documentElement.scrollWidth') <= width)
        steering, openness, enforcement = fieldsets[0], fieldsets[1], fieldsets[2]
        tap(driver, steering.find_element(By.XPATH, './/input[@value="2"]/..'))
        slider = openness.find_element(By.CSS_SELECTOR, 'input[type=range]')
        between = openness.find_element(By.CSS_SELECTOR, 'input[value=s]')
        slider.send_keys(Keys.HOME)
        for _ in range(20):
            slider.send_keys(Keys.ARROW_RIGHT)
        print('slider', slider.get_attribute('value'))
        print('between chosen by the slider', between.is_selected())
        print('nearest said', slider.get_attribute('aria-valuetext'))
        if not between.is_selected():
            tap(driver, between.find_element(By.XPATH, '..'))
        tap(driver, enforcement.find_element(By.XPATH, './/input[@value="-"]/..'))
        # Legal form's slider dragged by a finger, from its middle to
        # three quarters of the way; without JavaScript, its button
        # tapped too.
        legal = fieldsets[3]
        slider = legal.find_element(By.CSS_SELECTOR, 'input[type=range]')
        driver.execute_script('arguments[0].scrollIntoView({block: "center"})', slider)
        finger = PointerInput(interaction.POINTER_TOUCH, 'finger')
        drag = ActionBuilder(driver, mouse=finger)
        width = slider.rect['width']
        drag.pointer_action.move_to(slider).pointer_down()
        for step in range(1, 6):
            drag.pointer_action.move_to(slider, int(width * 0.25 * step / 5), 0)
        drag.pointer_action.pointer_up()
        drag.perform()
        value = int(slider.get_attribute('value'))
        print('dragged to three quarters', 65 <= value <= 85)
        between = legal.find_element(By.CSS_SELECTOR, 'input[value=s]')
        print('between chosen by the finger', between.is_selected())
        if not between.is_selected():
            tap(driver, between.find_element(By.XPATH, '..'))
        print('chosen', ' '.join(e.get_attribute('value') or 'none' for e in
                                driver.find_elements(By.CSS_SELECTOR, 'input[type=radio]')
                                if e.is_selected()))
        driver.save_screenshot(screenshot)
        tap(driver, driver.find_element(By.CSS_SELECTOR, 'button[type=submit]'))
        WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.TAG_NAME, 'li'))
        print('title', driver.find_element(By.TAG_NAME, 'h1').text)
        for item in driver.find_elements(By.TAG_NAME, 'li'):
            # Where the finger left the slider varies by a point or two.
            print('recorded', item.text.split('%')[0] + '%' if item.text.startswith('Legal') else item.text)
    finally:
        driver.quit()


main()
