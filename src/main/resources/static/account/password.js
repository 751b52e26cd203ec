// the password change form (/account/password.html); a file of its own, as the pages' CSP allows no inline script
document.getElementById('change').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.target;
  const result = document.getElementById('result');
  if (form.newPassword.value !== form.repeat.value) {
    result.textContent = '新しいパスワードが確認と一致しません';
    return;
  }
  const response = await fetch('/account/password', {
    method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({userId: form.userId.value, currentPassword: form.currentPassword.value,
                          newPassword: form.newPassword.value})
  });
  const body = await response.json();
  result.textContent = body.message;
});
