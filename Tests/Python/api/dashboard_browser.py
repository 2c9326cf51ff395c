"""Drives the dashboard in headless Chromium (selenium): checks that it asks for the token (the alert queue needs it),
waits for live numbers to change, confirms one alert as fraud and saves a screenshot; then opens /docs. Fails when the
browser reports a Content-Security-Policy violation on either page. Prints one JSON object: the confirmed trans_num
and the throughput values seen.

Usage: dashboard_browser.py BASE_URL TOKEN SCREENSHOT.png
"""
import json
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as conditions
from selenium.webdriver.support.ui import WebDriverWait

base, token, screenshot = sys.argv[1], sys.argv[2], sys.argv[3]
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1500"):
    options.add_argument(argument)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.get(base + "/")
    # The page re-renders its tables on every refresh: an element found a moment ago can be gone; look again.
    wait = WebDriverWait(driver, 60, poll_frequency=0.2, ignored_exceptions=(StaleElementReferenceException,))
    field = driver.find_element(By.ID, "token")
    # The alert queue is personal data: the server answers 401 and the page asks for the token.
    wait.until(lambda d: "needed" in field.get_attribute("class"))
    field.send_keys(token)
    field.send_keys(Keys.TAB)  # fires "change": the page keeps the token for write routes

    # Live numbers: wait for a first throughput figure, then for a different one.
    wait.until(lambda d: d.find_element(By.ID, "throughput").text not in ("", "–"))
    first = driver.find_element(By.ID, "throughput").text
    wait.until(lambda d: d.find_element(By.ID, "throughput").text not in ("", "–", first))
    second = driver.find_element(By.ID, "throughput").text

    # The alert queue: confirm the first alert as fraud; its row leaves the queue once the label is stored.
    def confirm_first_alert(driver):
        button = conditions.element_to_be_clickable((By.CSS_SELECTOR, "button.confirm"))(driver)
        if not button:
            return None
        trans_num = button.get_attribute("data-trans-num")
        button.click()  # raises if the row was re-rendered meanwhile, and the wait tries again
        return trans_num

    trans_num = wait.until(confirm_first_alert)
    wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, f"tr[data-trans-num='{trans_num}']"))

    # Let the chart gather a few more points and the performance panel show the new label, then keep the picture.
    wait.until(lambda d: d.find_element(By.ID, "precision-recall").text not in ("", "–", "no labels"))
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#chart path")) == 2)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#drift rect"))
    time.sleep(12)  # a picture with a longer stretch of chart
    driver.save_screenshot(screenshot)
    status = driver.find_element(By.ID, "status").text

    # The docs page renders under the same policy.
    driver.get(base + "/docs")
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#operations section.op")) > 10)
    violations = [entry["message"] for entry in driver.get_log("browser") if "Content Security Policy" in entry["message"]]
    assert not violations, f"Content-Security-Policy violations: {violations}"
    print(json.dumps({"confirmed": trans_num, "throughput": [first, second], "status": status}))
finally:
    driver.quit()
